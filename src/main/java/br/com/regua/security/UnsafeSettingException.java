package br.com.regua.security;

/** A setting that would expose Régua if it started with it; the server refuses to start. */
public class UnsafeSettingException extends RuntimeException {

    private final String setting;

    public UnsafeSettingException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
