package br.com.regua.receivable;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import br.com.regua.monitoring.CountedGauges;
import br.com.regua.monitoring.GroupedCounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/** {@code regua_cases{stage,status}}: the portfolio by stage and status, counted on the monitoring schedule. */
@Component
class CaseMetrics implements CountedGauges {

    private final ReceivableRepository receivables;
    private final GroupedCounts cases;

    CaseMetrics(ReceivableRepository receivables, ObjectProvider<MeterRegistry> registry) {
        this.receivables = receivables;
        this.cases = GroupedCounts.register(registry.getIfAvailable(), "regua.cases",
                "receivables (cases) by the stage they reached and their status");
    }

    @Override
    public void count() {
        Map<Tags, Long> counts = new LinkedHashMap<>();
        for (ReceivableRepository.StageCount c : receivables.countByStageAndStatus()) {
            counts.put(Tags.of("stage", c.stage(), "status", c.status()), c.count());
        }
        cases.show(counts);
    }
}
