package dev.amlsh.formats;

import dev.amlsh.model.Environment;
import java.util.Map;

/**
 * amlsh's {@code -o json}: plain trees (ordered maps, lists, scalars) as 2-space JSON, UTF-8
 * text as it is, one trailing newline, so a command's output is one parseable document.
 */
public final class OutputJson {

    private OutputJson() {}

    public static String write(Object tree) {
        return JsonText.output().write(tree) + "\n";
    }

    /** An environment's definition for {@code -o json}: the SDK service form, password masked. */
    public static Map<String, Object> environment(Environment env) {
        return EnvironmentJson.toTree(env, EnvironmentJson.Options.service().withSecrets(Secrets.MASK));
    }
}
