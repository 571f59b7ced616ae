package br.com.regua.receivable;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A debtor's postal address, where letters go (a notice the law requires may have to go by post when
 * the debtor refused every other channel). {@code postalCode} is the CEP, 8 digits, with or without
 * its hyphen; it is stored as the 8 digits.
 */
public record PostalAddress(
        @NotBlank @Size(max = 200) String street,
        @NotBlank @Size(max = 20) String number,
        @Size(max = 100) String complement,
        @NotBlank @Size(max = 100) String district,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Pattern(regexp = "AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO",
                message = "must be a Brazilian state (UF) such as SP") String state,
        @NotBlank @Pattern(regexp = "[0-9]{5}-?[0-9]{3}", message = "must be a CEP of 8 digits, such as 01310-100") String postalCode) {

    /** The same address with its CEP as 8 digits and no blank complement, as stored and compared. */
    public PostalAddress normalized() {
        return new PostalAddress(street.strip(), number.strip(), complement == null || complement.isBlank() ? null : complement.strip(),
                district.strip(), city.strip(), state, postalCode.replace("-", ""));
    }

    /** The CEP as written on an envelope: {@code 01310-100}. */
    public String postalCodeFormatted() {
        String d = postalCode.replace("-", "");
        return d.length() == 8 ? d.substring(0, 5) + "-" + d.substring(5) : postalCode;
    }

    /** The lines of the address as on an envelope, below the addressee's name. */
    public List<String> lines() {
        return List.of(street + ", " + number + (complement == null || complement.isBlank() ? "" : " - " + complement),
                district + " - " + city + "/" + state, "CEP " + postalCodeFormatted());
    }

    /** One line, for a manifest. */
    public String oneLine() {
        return String.join(", ", lines());
    }
}
