package br.com.regua.bench;

/**
 * The segmentation and discount decision tables of rules/ written as Camunda DMN, the baseline
 * of the decision benchmark: two decisions, the offer requiring the segment. The same rows, in the
 * same order, with the FIRST hit policy the segmentation table's "first matching row wins" means.
 */
final class SegmentationAndOfferDmn {

    private SegmentationAndOfferDmn() {
    }

    /** @param juel true for JUEL input entries, false for FEEL (Camunda's default, the Scala FEEL engine) */
    static String xml(boolean juel) {
        String[][] segmentRows = {
            {"true", "", "", "", "NEW_CUSTOMER"},
            {"false", ">= 1", "", "", "RISKY"},
            {"false", "", "> 30", "", "RISKY"},
            {"false", "", "<= 5", ">= 3", "GOOD_PAYER"},
            {"false", "", "", "", "REGULAR"}};
        String[][] offerRows = {
            {"GOOD_PAYER", "0.10", "true", "6"},
            {"REGULAR", "0", "true", "6"},
            {"NEW_CUSTOMER", "0", "true", "3"},
            {"RISKY", "0", "false", "3"}};
        StringBuilder x = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="bench" name="Segmentation and offer"
                             namespace="https://regua.dev/bench">
                  <decision id="segment" name="Segment">
                    <decisionTable id="segmentTable" hitPolicy="FIRST">
                      <input id="historyEmpty" label="Never seen paying"><inputExpression typeRef="boolean"><text>historyEmpty</text></inputExpression></input>
                      <input id="broken" label="Broken agreements"><inputExpression typeRef="integer"><text>agreementsBroken</text></inputExpression></input>
                      <input id="late" label="Average days late"><inputExpression typeRef="integer"><text>averageDaysLate</text></inputExpression></input>
                      <input id="paid" label="Payments"><inputExpression typeRef="integer"><text>paidCount</text></inputExpression></input>
                      <output id="segmentOut" name="segment" typeRef="string"/>
                """);
        for (int r = 0; r < segmentRows.length; r++) {
            x.append("      <rule id=\"s").append(r).append("\">");
            for (int c = 0; c < 4; c++) {
                x.append(entry(segmentRows[r][c], juel));
            }
            x.append("<outputEntry><text>\"").append(segmentRows[r][4]).append("\"</text></outputEntry></rule>\n");
        }
        x.append("""
                    </decisionTable>
                  </decision>
                  <decision id="offer" name="Offer">
                    <informationRequirement><requiredDecision href="#segment"/></informationRequirement>
                    <decisionTable id="offerTable" hitPolicy="UNIQUE">
                      <input id="segmentIn" label="Segment"><inputExpression typeRef="string"><text>segment</text></inputExpression></input>
                      <output id="discount" name="discount" typeRef="double"/>
                      <output id="waive" name="waiveCharges" typeRef="boolean"/>
                      <output id="max" name="maxInstallments" typeRef="integer"/>
                      <output id="min" name="minInstallment" typeRef="double"/>
                      <output id="valid" name="validDays" typeRef="integer"/>
                """);
        for (int r = 0; r < offerRows.length; r++) {
            x.append("      <rule id=\"o").append(r).append("\">").append(entry("\"" + offerRows[r][0] + "\"", juel));
            for (String out : new String[] {offerRows[r][1], offerRows[r][2], offerRows[r][3], "50.00", "10"}) {
                x.append("<outputEntry><text>").append(out).append("</text></outputEntry>");
            }
            x.append("</rule>\n");
        }
        return x.append("    </decisionTable>\n  </decision>\n</definitions>\n").toString();
    }

    private static String entry(String test, boolean juel) {
        if (test.isEmpty()) {
            return "<inputEntry><text></text></inputEntry>";
        }
        if (!juel) {
            return "<inputEntry><text>" + test.replace(">", "&gt;").replace("<", "&lt;") + "</text></inputEntry>";
        }
        String expression = test.startsWith(">") || test.startsWith("<") ? "cellInput " + test : "cellInput == " + test;
        return "<inputEntry expressionLanguage=\"juel\"><text>${" + expression.replace(">", "&gt;").replace("<", "&lt;")
                + "}</text></inputEntry>";
    }
}
