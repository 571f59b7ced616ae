package br.com.regua.receivable;

import br.com.regua.policy.CustomerType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The debtor as the backend sends them with a receivable; {@code preferredChannel} and
 * {@code preferredTime} are optional, and when sent they replace the preferences stored; so does
 * {@code address}, the postal address letters go to.
 */
public record NewCustomer(
        @NotNull @Pattern(regexp = ExternalId.GRAMMAR, message = ExternalId.RULE) String externalId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 20) String document,
        @NotNull CustomerType type,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9 ()-]{10,20}", message = "must be a phone number with area code") String phone,
        @Pattern(regexp = "AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO",
                message = "must be a Brazilian state (UF) such as SP") String state,
        @Pattern(regexp = "EMAIL|SMS|WHATSAPP", message = "must be EMAIL, SMS or WHATSAPP") String preferredChannel,
        @Pattern(regexp = "[A-Z][A-Z_]{0,19}", message = "must be a period of the policy's preferred times of day, such as MORNING")
        String preferredTime,
        @Valid PostalAddress address) {

    /** A debtor sent without contact preferences. */
    public NewCustomer(String externalId, String name, String document, CustomerType type, String email, String phone, String state) {
        this(externalId, name, document, type, email, phone, state, null, null);
    }

    /** A debtor sent without a postal address. */
    public NewCustomer(String externalId, String name, String document, CustomerType type, String email, String phone, String state,
                       String preferredChannel, String preferredTime) {
        this(externalId, name, document, type, email, phone, state, preferredChannel, preferredTime, null);
    }
}
