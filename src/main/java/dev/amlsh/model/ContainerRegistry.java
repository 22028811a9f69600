package dev.amlsh.model;

/**
 * {@code docker.baseImageRegistry}. The password is a secret: the model holds it only while a
 * command needs it; stores keep whether one was set, and every rendering masks it.
 */
public record ContainerRegistry(String address, String username, String password, String registryIdentity) {

    public static final ContainerRegistry NONE = new ContainerRegistry(null, null, null, null);

    /** The SDK's masking when printing: the first three characters of the user, then {@code ***}. */
    public static String maskUsername(String username) {
        if (username == null) {
            return null;
        }
        return username.substring(0, Math.min(3, username.length())) + "***";
    }

    public static String maskPassword(String password) {
        return password == null ? null : "***";
    }

    public ContainerRegistry masked() {
        return new ContainerRegistry(address, maskUsername(username), maskPassword(password), registryIdentity);
    }
}
