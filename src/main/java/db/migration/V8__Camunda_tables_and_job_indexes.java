package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import br.com.regua.config.CamundaSchema;

/**
 * Camunda's tables on a new database (its own create scripts), and the job table's indexes for
 * acquisition by due date. A database that Camunda made itself keeps its tables; the indexes are
 * created if missing.
 */
public class V8__Camunda_tables_and_job_indexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        CamundaSchema.createWhenMissing(context.getConnection());
        CamundaSchema.tuneJobTable(context.getConnection());
    }
}
