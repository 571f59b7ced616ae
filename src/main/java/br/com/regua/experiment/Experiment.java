package br.com.regua.experiment;

import java.time.OffsetDateTime;

import br.com.regua.policy.Segment;

/**
 * A champion/challenger experiment: new cases classified from {@code startsAt} until {@code endsAt}
 * (or until it is stopped), of {@code segment} when one is named, go to the challenger version with a
 * chance of {@code sharePercent} in a hundred, to the champion version otherwise.
 */
public record Experiment(long id, String name, int championVersion, int challengerVersion, int sharePercent, Segment segment,
                         OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime stoppedAt, String createdBy,
                         OffsetDateTime createdAt) {

    public enum Status { SCHEDULED, RUNNING, ENDED }

    public enum Arm { CHAMPION, CHALLENGER }

    public Status statusAt(OffsetDateTime now) {
        if (stoppedAt != null || !now.isBefore(endsAt)) {
            return Status.ENDED;
        }
        return now.isBefore(startsAt) ? Status.SCHEDULED : Status.RUNNING;
    }

    /** When new cases stopped being drawn: the stop, or the planned end. */
    public OffsetDateTime endedAt() {
        return stoppedAt != null && stoppedAt.isBefore(endsAt) ? stoppedAt : endsAt;
    }

    public int versionOf(Arm arm) {
        return arm == Arm.CHALLENGER ? challengerVersion : championVersion;
    }
}
