package br.com.regua.contact;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import br.com.regua.receivable.PostalAddress;
import br.com.regua.settings.ReguaProperties;

/**
 * A letter as printed and posted: on A4, the creditor's identification at the head (CDC art. 42-A),
 * the place and date, the addressee's name and postal address where a window envelope shows them,
 * then the message as the templates wrote it (amounts broken down, legal text, how to pay, footer).
 * The same text as the e-mail, so a debtor reads the same thing whatever the channel.
 */
final class LetterPdf {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("pt-BR"));

    private LetterPdf() {
    }

    static byte[] render(ReguaProperties.Creditor creditor, String debtorName, PostalAddress address, LocalDate date, String subject,
                         String body, String reference) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 60, 60, 50, 50);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(subject);
        doc.addAuthor(creditor.name());
        doc.open();
        Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font text = FontFactory.getFont(FontFactory.HELVETICA, 10.5f);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 8.5f);

        doc.add(new Paragraph(creditor.name(), head));
        doc.add(new Paragraph("CNPJ " + creditor.document() + " - " + creditor.address() + " - Atendimento: " + creditor.phone(), small));

        Paragraph where = new Paragraph(city(creditor.address()) + LONG_DATE.format(date) + ".", text);
        where.setAlignment(Element.ALIGN_RIGHT);
        where.setSpacingBefore(18);
        doc.add(where);

        Paragraph to = new Paragraph("Ao(À) Sr(a).\n" + debtorName + "\n" + String.join("\n", address.lines()), text);
        to.setSpacingBefore(18);
        to.setSpacingAfter(18);
        to.setLeading(14);
        doc.add(to);

        Paragraph about = new Paragraph(subject, bold);
        about.setSpacingAfter(12);
        doc.add(about);

        for (String block : body.split("\\n\\s*\\n")) {
            Paragraph p = new Paragraph(block.strip(), text);
            p.setLeading(14);
            p.setSpacingAfter(8);
            doc.add(p);
        }
        Paragraph ref = new Paragraph("Carta " + reference + ".", small);
        ref.setSpacingBefore(12);
        doc.add(ref);
        doc.close();
        return out.toByteArray();
    }

    /** "São Paulo, " from "Av. Paulista, 1000, São Paulo - SP"; nothing when the address says no city that way. */
    private static String city(String creditorAddress) {
        int dash = creditorAddress.lastIndexOf(" - ");
        int comma = dash < 0 ? -1 : creditorAddress.lastIndexOf(',', dash);
        return comma < 0 ? "" : creditorAddress.substring(comma + 1, dash).strip() + ", ";
    }
}
