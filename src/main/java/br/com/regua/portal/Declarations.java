package br.com.regua.portal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import br.com.regua.contact.MessageValues;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.settings.ReguaProperties;

/**
 * The declaração de quitação of one paid receivable, as a PDF the debtor keeps: who collects
 * declares that this debtor paid this debt in full (common practice on request; Lei 12.007/2009
 * asks for a yearly one). It names the creditor as every collection document does (CDC art. 42-A).
 */
final class Declarations {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("dd/MM/yyyy 'às' HH:mm");

    private Declarations() {
    }

    /**
     * @param paid   what the payments to it added up to (zero when it was settled inside an agreement)
     * @param paidOn the day of its last payment, or null when none is on record
     */
    static byte[] pdf(ReguaProperties.Creditor creditor, Customer debtor, Receivable r, BigDecimal paid, LocalDate paidOn,
                      OffsetDateTime issuedAt, ZoneId zone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 60, 60, 70, 60);
        PdfWriter.getInstance(doc, out);
        doc.addTitle("Declaração de quitação " + r.externalId());
        doc.addAuthor(creditor.name());
        doc.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);

        Paragraph heading = new Paragraph("DECLARAÇÃO DE QUITAÇÃO", title);
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setSpacingAfter(24);
        doc.add(heading);

        String what = r.description() == null || r.description().isBlank() ? "o título " + r.externalId() : r.description();
        String how = paid.signum() > 0 ? ", no valor total pago de " + MessageValues.brl(paid) : "";
        String when = paidOn == null ? "" : ", pago em " + MessageValues.date(paidOn);
        Paragraph text = new Paragraph(creditor.name() + ", inscrita no CNPJ/CPF sob o nº " + creditor.document() + ", com endereço em "
                + creditor.address() + ", declara, para os devidos fins, que " + debtor.name() + ", inscrito(a) no "
                + (debtor.type() == br.com.regua.policy.CustomerType.BUSINESS ? "CNPJ" : "CPF") + " sob o nº " + document(debtor)
                + ", quitou integralmente o débito referente a " + what + " (referência " + r.externalId() + "), com vencimento em "
                + MessageValues.date(r.dueDate()) + how + when
                + ", nada mais havendo a cobrar quanto a este débito.", body);
        text.setAlignment(Element.ALIGN_JUSTIFIED);
        text.setLeading(17);
        text.setSpacingAfter(18);
        doc.add(text);

        doc.add(new Paragraph("Esta declaração refere-se somente ao débito acima e não alcança outros débitos, vencidos ou a vencer.",
                body));
        Paragraph signature = new Paragraph("\n" + creditor.name() + "\nAtendimento: " + creditor.phone(), body);
        signature.setSpacingBefore(24);
        doc.add(signature);
        Paragraph issued = new Paragraph("\nEmitida em " + ISSUED.format(issuedAt.atZoneSameInstant(zone))
                + " pelo portal do devedor, a pedido do(a) titular.", small);
        doc.add(issued);
        doc.close();
        return out.toByteArray();
    }

    private static String document(Customer c) {
        String d = br.com.regua.receivable.TaxDocument.normalize(c.document());
        if (d.length() == 11) {
            return d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6, 9) + "-" + d.substring(9);
        }
        if (d.length() == 14) {
            return d.substring(0, 2) + "." + d.substring(2, 5) + "." + d.substring(5, 8) + "/" + d.substring(8, 12) + "-" + d.substring(12);
        }
        return d;
    }
}
