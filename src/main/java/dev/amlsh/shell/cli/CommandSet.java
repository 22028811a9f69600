package dev.amlsh.shell.cli;

import java.util.List;

/** A bean contributing the commands of one noun ({@code env create}, {@code env clone}, ...). */
public interface CommandSet {

    List<AmlshCommand> commands();
}
