package dev.amlsh.shell.launch;

import dev.amlsh.image.BaseImageCatalog;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.shell.cli.CommandRunner;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.cli.CommandTable;
import dev.amlsh.shell.commands.CuratedCommands;
import dev.amlsh.shell.commands.EnvCreateCommands;
import dev.amlsh.shell.commands.EnvDiffCommands;
import dev.amlsh.shell.commands.EnvEditCommands;
import dev.amlsh.shell.commands.EnvExplainCommands;
import dev.amlsh.shell.commands.EnvFileCommands;
import dev.amlsh.shell.commands.EnvInspectCommands;
import dev.amlsh.shell.commands.EnvLintCommands;
import dev.amlsh.shell.commands.EnvListCommands;
import dev.amlsh.shell.commands.EnvRegistryCommands;
import dev.amlsh.shell.commands.EnvVarCommands;
import dev.amlsh.shell.commands.SessionCommands;
import dev.amlsh.shell.commands.WorkspaceCommands;
import dev.amlsh.shell.render.Output;
import dev.amlsh.workspace.AmlshHome;
import dev.amlsh.workspace.Clocks;
import dev.amlsh.workspace.postgres.TeamWorkspaceCatalog;
import dev.amlsh.workspace.sqlite.FileWorkspaceCatalog;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The whole application context, declared bean by bean: no auto-configuration and no classpath
 * scanning, so start-up stays short. Spring Shell's auto-configuration is deliberately not
 * imported (see {@link AmlshApplication} for why); its {@code CommandRegistry} is built from the
 * command groups in {@link #commandRunner}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
public class AmlshConfiguration {

    @Bean
    BaseImageCatalog baseImageCatalog() {
        return BaseImageCatalog.bundled();
    }

    @Bean
    DockerfileRenderer dockerfileRenderer(BaseImageCatalog catalog) {
        return new DockerfileRenderer(catalog);
    }

    @Bean
    Output output() {
        return new Output();
    }

    @Bean
    EnvCreateCommands envCreateCommands() {
        return new EnvCreateCommands();
    }

    @Bean
    EnvInspectCommands envInspectCommands(DockerfileRenderer renderer) {
        return new EnvInspectCommands(renderer);
    }

    @Bean
    EnvExplainCommands envExplainCommands(DockerfileRenderer renderer) {
        return new EnvExplainCommands(renderer);
    }

    @Bean
    EnvDiffCommands envDiffCommands(DockerfileRenderer renderer) {
        return new EnvDiffCommands(renderer);
    }

    @Bean
    EnvLintCommands envLintCommands() {
        return new EnvLintCommands();
    }

    @Bean
    EnvFileCommands envFileCommands(DockerfileRenderer renderer) {
        return new EnvFileCommands(renderer);
    }

    @Bean
    EnvEditCommands envEditCommands() {
        return new EnvEditCommands();
    }

    @Bean
    EnvVarCommands envVarCommands() {
        return new EnvVarCommands();
    }

    @Bean
    EnvListCommands envListCommands() {
        return new EnvListCommands();
    }

    @Bean
    EnvRegistryCommands envRegistryCommands() {
        return new EnvRegistryCommands();
    }

    @Bean
    WorkspaceCommands workspaceCommands() {
        return new WorkspaceCommands();
    }

    @Bean
    CuratedCommands curatedCommands(BaseImageCatalog catalog) {
        return new CuratedCommands(catalog);
    }

    @Bean
    SessionCommands sessionCommands(ObjectProvider<CommandRunner> runner) {
        return new SessionCommands(runner::getObject);
    }

    @Bean
    CommandRunner commandRunner(List<CommandSet> groups, Output output) {
        return new CommandRunner(new CommandTable(groups), output);
    }

    @Bean
    WorkspaceCatalogFactory workspaceCatalogFactory() {
        return env -> new TeamWorkspaceCatalog(
                new FileWorkspaceCatalog(AmlshHome.resolve(env), Clocks.fromEnvironment(env)),
                env,
                Clocks.fromEnvironment(env));
    }

    @Bean
    AmlshRunner amlshRunner(CommandRunner commands, WorkspaceCatalogFactory catalogs) {
        return new AmlshRunner(commands, catalogs);
    }
}
