package io.github.ap4j.cli;

import io.github.ap4j.Ap4jException;
import io.github.ap4j.BadInputException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.natives.NativeCallException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ap4j} command. {@link #run} is the testable entry point: it never exits and never
 * lets an exception escape; every failure becomes one line on stderr and an exit code.
 */
@Command(name = "ap4j",
        mixinStandardHelpOptions = true,
        versionProvider = Ap4j.Version.class,
        description = "IBM Z AP crypto queues: decode hardware words, read host snapshots and "
                + "check vfio-ap guest migration before it happens.",
        subcommands = {
            DecodeCommand.class,
            ShowCommand.class,
            CaptureCommand.class,
            NativeCommand.class,
            CheckCommand.class,
            PlanCommand.class,
            ExplainCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success; check: every target is compatible; explain: a failure explained",
            "1:check: at least one target is incompatible; explain: failure lines not explained",
            "2:usage error or bad input (word, sysfs file, fixture, lszcrypt text, APQN)",
            "3:unavailable here (native layer, PQAP, sysfs root)",
            "4:internal error (a bug in ap4j)"})
public final class Ap4j implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of failures.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command (try 'ap4j --help')");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the CLI with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cl = new CommandLine(new Ap4j());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(prefix(ex.getCommandLine()) + oneLine(ex.getMessage()));
            err.flush();
            return ExitCode.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            int code = exitCodeOf(ex);
            String msg = code == ExitCode.INTERNAL
                    ? "internal error: " + ex + " (run with --verbose for details)"
                    : ex.getMessage();
            err.println(prefix(c) + oneLine(msg));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The one mapping from failures to exit codes. */
    static int exitCodeOf(Throwable ex) {
        if (ex instanceof UnavailableException) {
            return ExitCode.UNAVAILABLE;
        }
        if (ex instanceof NativeCallException) {
            // A call the shim refused: bad table or argument is bad input; a trap, a missing
            // architecture or a failed fork means the layer is unavailable here.
            switch (((NativeCallException) ex).error()) {
                case PARSE: case INVALID_ARGUMENT: case IO: case NO_QCI:
                    return ExitCode.BAD_INPUT;
                default:
                    return ExitCode.UNAVAILABLE;
            }
        }
        if (ex instanceof BadInputException || ex instanceof Ap4jException
                || ex instanceof IllegalArgumentException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.INTERNAL;
    }

    private static String prefix(CommandLine c) {
        return c.getCommandSpec().qualifiedName() + ": ";
    }

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.replace('\n', ' ').replace('\r', ' ').strip();
    }

    /** Version from the jar manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Ap4j.class.getPackage().getImplementationVersion();
            return new String[] {"ap4j " + (v == null ? "(development build)" : v)};
        }
    }
}
