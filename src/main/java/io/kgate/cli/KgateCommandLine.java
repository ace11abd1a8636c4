package io.kgate.cli;

import io.kgate.NativeImage;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The picocli command line of a run. Picocli builds the model of a command (every option, inherited options copied
 * into every subcommand, descriptions interpolated) by reflection, which in the native executable was a quarter of
 * the start-up of {@code kgate --version} or a lint: so the subcommands are added only to a run whose arguments can
 * name one (or ask for help, or come from an {@code @file}), and before a usage error prints the usage. A run
 * without them parses its arguments exactly as with them: picocli treats an argument as a subcommand only when it
 * is one's name.
 */
public final class KgateCommandLine {
    static final List<Class<?>> SUBCOMMANDS = List.of(AuditCommand.class, RulesCommand.class, ExplainCommand.class,
            SchemasCommand.class, DryRunCommand.class, CompletionCommand.class);
    /** Their names and aliases, read once: pre-commit passes every staged file as an argument. */
    private static final Set<String> NAMES = SUBCOMMANDS.stream().map(c -> c.getAnnotation(Command.class))
            .flatMap(c -> Stream.concat(Stream.of(c.name()), Stream.of(c.aliases()))).collect(Collectors.toUnmodifiableSet());

    private KgateCommandLine() {
    }

    /**
     * The top command line, made while the native executable is built (this class is initialized then, see
     * application.properties): picocli reads the annotations of the command and its mixins by reflection, which was
     * a third of a native {@code kgate --version}. Used once: a process runs one command line. Nothing of the
     * machine that built it is in it: picocli makes the output streams, the colours and the usage width when they
     * are first used.
     */
    private static final class Prebuilt {
        private static CommandLine top = NativeImage.building() ? new CommandLine(new KgateCommand()) : null;

        private Prebuilt() {
        }

        static synchronized CommandLine take() {
            CommandLine taken = top;
            top = null;
            return taken;
        }
    }

    /** kgate's top command, without subcommands: the one built into the native executable on first call. */
    public static CommandLine top() {
        CommandLine prebuilt = Prebuilt.take();
        return prebuilt != null ? prebuilt : new CommandLine(new KgateCommand());
    }

    /** {@code top} (a kgate command without subcommands) made ready to execute {@code args}. */
    public static CommandLine forArguments(CommandLine top, String[] args) {
        if (mayNameASubcommand(args)) {
            return withSubcommands(top);
        }
        CommandLine.IParameterExceptionHandler standard = top.getParameterExceptionHandler();
        top.setParameterExceptionHandler((e, rest) -> {
            withSubcommands(top); // the usage printed with the error lists them
            return standard.handleParseException(e, rest);
        });
        return top;
    }

    /** {@code top} with every subcommand, once. */
    public static CommandLine withSubcommands(CommandLine top) {
        if (top.getSubcommands().isEmpty()) {
            for (Class<?> sub : SUBCOMMANDS) {
                top.addSubcommand(sub);
            }
        }
        return top;
    }

    static boolean mayNameASubcommand(String[] args) {
        for (String arg : args) {
            // -h alone or in a cluster of short options (-Vh); a cluster holding an h as an option's value
            // (-ohtml) only costs the model of the subcommands
            boolean shortOptions = arg.startsWith("-") && !arg.startsWith("--");
            if (NAMES.contains(arg) || arg.startsWith("@") || arg.equals("--help") || shortOptions && arg.indexOf('h') > 0) {
                return true;
            }
        }
        return false;
    }
}
