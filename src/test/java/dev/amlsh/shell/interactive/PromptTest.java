package dev.amlsh.shell.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 12: the prompt names the workspace a command will work in, and never a server login. */
class PromptTest {

    @Test
    void aNamedWorkspaceByItsName() {
        assertThat(Prompt.text("default")).isEqualTo("amlsh [default]> ");
        assertThat(Prompt.text("course")).isEqualTo("amlsh [course]> ");
    }

    @Test
    void theThrowAwayWorkspace() {
        assertThat(Prompt.text(":temp:")).isEqualTo("amlsh [:temp:]> ");
    }

    @Test
    void aWorkspaceFileByItsFileName() {
        assertThat(Prompt.text("/home/ada/class/course.amlsh")).isEqualTo("amlsh [course.amlsh]> ");
    }

    @Test
    void aServerByHostDatabaseAndSchemaWithoutTheUser() {
        assertThat(Prompt.text("postgresql://alice@db.example.org/team?schema=course"))
                .isEqualTo("amlsh [db.example.org/team/course]> ");
        assertThat(Prompt.text("postgresql://alice@db.example.org:5433/team"))
                .isEqualTo("amlsh [db.example.org:5433/team]> ")
                .doesNotContain("alice");
    }

    @Test
    void readOnlySaysSo() {
        assertThat(Prompt.text("/home/ada/class/course.amlsh", true)).isEqualTo("amlsh [course.amlsh, read-only]> ");
    }

    @Test
    void controlCharactersInANameAreShownEscaped() {
        assertThat(Prompt.text("/tmp/\u001b[31mred.amlsh")).isEqualTo("amlsh [\\x1b[31mred.amlsh]> ");
    }
}
