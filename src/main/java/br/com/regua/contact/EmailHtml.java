package br.com.regua.contact;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML part of an e-mail, drawn from the recorded text so both parts always say the same:
 * paragraphs stay paragraphs, "- " lines become a list, a link becomes clickable and the PIX
 * code is set apart so it is easy to copy.
 */
final class EmailHtml {

    private EmailHtml() {
    }

    static String of(String subject, String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"pt-BR\"><head><meta charset=\"UTF-8\"><title>")
                .append(HtmlUtils.htmlEscape(subject, "UTF-8"))
                .append("</title></head>\n<body style=\"font-family: Arial, sans-serif; font-size: 15px; color: #222; max-width: 640px\">\n");
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append(block(paragraph.strip())).append('\n');
        }
        return html.append("</body></html>\n").toString();
    }

    private static String block(String paragraph) {
        String[] lines = paragraph.split("\\n");
        StringBuilder out = new StringBuilder();
        boolean inList = false;
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("- ")) {
                if (!text.isEmpty()) {
                    out.append("<p>").append(text).append("</p>");
                    text.setLength(0);
                }
                if (!inList) {
                    out.append("<ul>");
                    inList = true;
                }
                out.append("<li>").append(inline(line.substring(2))).append("</li>");
            } else {
                if (inList) {
                    out.append("</ul>");
                    inList = false;
                }
                if (!text.isEmpty()) {
                    text.append("<br>");
                }
                text.append(inline(line));
            }
        }
        if (inList) {
            out.append("</ul>");
        }
        if (!text.isEmpty()) {
            out.append("<p>").append(text).append("</p>");
        }
        return out.toString();
    }

    private static String inline(String line) {
        // with an encoding, only markup characters are escaped: "Olá" stays readable in the source
        String escaped = HtmlUtils.htmlEscape(line, "UTF-8");
        int pix = escaped.indexOf(MessageValues.PIX_LABEL);
        if (pix >= 0) {
            String code = escaped.substring(pix + MessageValues.PIX_LABEL.length()).strip();
            return escaped.substring(0, pix + MessageValues.PIX_LABEL.length())
                    + "<br><code style=\"word-break: break-all; background: #f2f2f2; padding: 4px\">" + code + "</code>";
        }
        return escaped.replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>");
    }
}
