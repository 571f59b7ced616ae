package br.com.regua.policy;

/** Four eyes: the person who proposed a version may not be the one who activates it. */
public class ApprovalRequiredException extends RuntimeException {

    public ApprovalRequiredException(String message) {
        super(message);
    }
}
