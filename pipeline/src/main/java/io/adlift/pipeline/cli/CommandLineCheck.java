package io.adlift.pipeline.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Answers, before Spring starts, every command line that needs no application: {@code --help},
 * {@code --version}, {@code <command> --help} and usage errors (an unknown command or option, a
 * missing one). Starting Spring takes seconds; these answers take a fraction of one. The command
 * tree is the one {@link CliRunner} runs, so both parse a command line alike.
 */
public final class CommandLineCheck {

    private CommandLineCheck() {
    }

    /** @return the exit code when the command line was answered here; empty when its command must run */
    public static Optional<Integer> answer(String[] args, PrintWriter out, PrintWriter err) {
        String[] own = CliRunner.own(args);
        CommandLine commandLine = new CommandLine(CliRunner.Root.class, new ParseOnlyFactory());
        commandLine.setOut(out).setErr(err);
        if (own.length == 0) {
            commandLine.usage(out);
            out.flush();
            return Optional.of(ExitCode.USAGE.code());
        }
        try {
            ParseResult parsed = commandLine.parseArgs(own);
            if (CommandLine.printHelpIfRequested(parsed)) {
                out.flush();
                return Optional.of(ExitCode.COMPLETED.code());
            }
            return Optional.empty();
        } catch (ParameterException e) {
            err.println("adlift: " + e.getMessage());
            if (!UnmatchedArgumentException.printSuggestions(e, err) && !suggestCommand(e, err)) {
                err.println(e.getCommandLine().getCommandSpec().qualifiedName() + ": see '"
                        + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage");
            }
            err.flush();
            return Optional.of(ExitCode.USAGE.code());
        }
    }

    /** An unknown word where a command was due, with the command it most resembles: "rnu" for "run". */
    private static boolean suggestCommand(ParameterException e, PrintWriter err) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return false;
        }
        CommandLine at = e.getCommandLine();
        Optional<String> command = DidYouMean.closest(unmatched.getUnmatched().get(0), at.getSubcommands().keySet());
        command.ifPresent(c -> err.println("Did you mean: " + at.getCommandSpec().qualifiedName() + " " + c + "?"));
        return command.isPresent();
    }

    /**
     * Creates the commands for parsing alone: their collaborators (the job repository, the launcher, …)
     * exist only in the application, and a command parsed here is never called, so they are left empty.
     */
    private static final class ParseOnlyFactory implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (!type.getPackageName().equals(CommandLineCheck.class.getPackageName())) {
                return CommandLine.defaultFactory().create(type);
            }
            Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
                    .max(java.util.Comparator.comparingInt(Constructor::getParameterCount)).orElseThrow();
            constructor.setAccessible(true);
            Object[] none = Arrays.stream(constructor.getParameterTypes()).map(ParseOnlyFactory::empty).toArray();
            return type.cast(constructor.newInstance(none));
        }

        private static Object empty(Class<?> parameter) {
            if (!parameter.isPrimitive()) {
                return null;
            }
            return parameter == boolean.class ? Boolean.FALSE : parameter == long.class ? (Object) 0L
                    : parameter == double.class ? (Object) 0.0 : parameter == float.class ? (Object) 0f
                    : parameter == char.class ? (Object) '\0' : parameter == byte.class ? (Object) (byte) 0
                    : parameter == short.class ? (Object) (short) 0 : (Object) 0;
        }
    }
}
