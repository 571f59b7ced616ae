package br.com.regua.policy;

/** Derived fact: segmentation put the debtor in this segment. Inserted by the segmentation table ({@code segmentation.drl.csv}). */
public final class InSegment {
    private final Segment segment;

    public InSegment(Segment segment) { this.segment = segment; }

    public Segment getSegment() { return segment; }

    @Override
    public String toString() { return "InSegment(" + segment + ")"; }
}
