package io.kgate.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kgate completion bash|zsh}: the completion script picocli generates from the command
 * model. The same script serves zsh through bashcompinit, which it loads itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script: source <(kgate completion bash), or for zsh "
                + "source <(kgate completion zsh).")
public final class CompletionCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            spec.commandLine().getErr().println("kgate: completion is available for bash and zsh, not '" + shell + "'");
            return KgateCommand.EXIT_USAGE;
        }
        String script = AutoComplete.bash("kgate", spec.root().commandLine());
        if (shell.equals("zsh")) {
            script = "# zsh: the bash script below, through bashcompinit\n"
                    + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        return KgateCommand.delivered(spec, KgateCommand.EXIT_OK);
    }
}
