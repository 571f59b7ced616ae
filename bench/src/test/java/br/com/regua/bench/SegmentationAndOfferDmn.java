package br.com.regua.bench;

/**
 * The segmentation and discount decision tables of rules/ written as Camunda DMN, the baseline
 * of the decision benchmark: two decisions, the offer requiring the segment. The same rows, in the
 * same order, with the FIRST hit policy the segmentation table's "first matching row wins" means.
 */
final class SegmentationAndOfferDmn {

    private SegmentationAndOfferDmn() {
    }

    /** One text for both engines: a quoted string is a literal in FEEL and in the legacy engine's JUEL outputs. */
    static String xml() {
        String[][] segmentRows = {
            {"true", "", "", "", "NEW_CUSTOMER"},
            {"false", ">= 1", "", "", "RISKY"},
            {"false", "", "> 30", "", "RISKY"},
            {"false", "", "<= 5", ">= 3", "GOOD_PAYER"},
            {"false", "", "", "", "REGULAR"}};
        String[][] offerRows = {
            {"GOOD_PAYER", "< 30", "0.10", "true"},
            {"GOOD_PAYER", "[30..90[", "0.15", "true"},
            {"GOOD_PAYER", ">= 90", "0.20", "true"},
            {"REGULAR", "< 30", "0", "true"},
            {"REGULAR", "[30..90[", "0.05", "true"},
            {"REGULAR", ">= 90", "0.10", "true"},
            {"NEW_CUSTOMER", "< 30", "0", "true"},
            {"NEW_CUSTOMER", "[30..90[", "0.05", "true"},
            {"NEW_CUSTOMER", ">= 90", "0.10", "true"},
            {"RISKY", "", "0", "false"}};
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
                x.append(entry(segmentRows[r][c]));
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
                      <input id="overdue" label="Days overdue"><inputExpression typeRef="integer"><text>daysOverdue</text></inputExpression></input>
                      <output id="discount" name="discount" typeRef="double"/>
                      <output id="waive" name="waiveCharges" typeRef="boolean"/>
                      <output id="valid" name="validDays" typeRef="integer"/>
                """);
        for (int r = 0; r < offerRows.length; r++) {
            x.append("      <rule id=\"o").append(r).append("\">").append(entry("\"" + offerRows[r][0] + "\""))
                    .append(entry(offerRows[r][1]));
            for (String out : new String[] {offerRows[r][2], offerRows[r][3], "10"}) {
                x.append("<outputEntry><text>").append(out).append("</text></outputEntry>");
            }
            x.append("</rule>\n");
        }
        return x.append("    </decisionTable>\n  </decision>\n</definitions>\n").toString();
    }

    private static String entry(String test) {
        return "<inputEntry><text>" + test.replace("<", "&lt;").replace(">", "&gt;") + "</text></inputEntry>";
    }
}
