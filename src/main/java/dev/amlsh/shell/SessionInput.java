package dev.amlsh.shell;

import dev.amlsh.shell.render.Output;
import org.springframework.shell.core.InputReader;

/**
 * The {@link InputReader} of the {@code CommandContext} amlsh hands to a command: the session the
 * command runs in (its workspace, streams, format, base folder) and the renderer. Spring Shell's
 * context has no other slot for per-run state, and amlsh's commands are singletons shared by
 * sessions. No amlsh command prompts (scripts and one-shot runs must never block on input), so
 * reading keeps {@code InputReader}'s default: it throws.
 */
public record SessionInput(Session session, Output output) implements InputReader {}
