package vn.smartprovince.shared.secrets;

/** No secret has this name, or it holds no value: a deployment mistake, named (never its value). */
public class SecretNotFoundException extends IllegalStateException {
    private final String secretName;

    public SecretNotFoundException(String secretName) {
        this(secretName, "Secret \"" + secretName + "\" does not exist or has no value"
                + " (create it before deploying, see docs/deployment.md)");
    }

    public SecretNotFoundException(String secretName, String message) {
        super(message);
        this.secretName = secretName;
    }

    public String secretName() {
        return secretName;
    }
}
