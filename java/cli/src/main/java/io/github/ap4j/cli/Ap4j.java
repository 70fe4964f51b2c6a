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
            DescribeCommand.class,
            LibvirtHookCommand.class,
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

    /** Where {@code -} reads from, and where binary output ({@code capture --out -}) goes. */
    final Stdio stdio;

    Ap4j(Stdio stdio) {
        this.stdio = stdio;
    }

    /** The streams of the command that {@code spec} belongs to. */
    static Stdio stdio(CommandLine.Model.CommandSpec spec) {
        return ((Ap4j) spec.root().userObject()).stdio;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command (try 'ap4j --help')");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, System.out, out, err));
    }

    /** Runs the CLI with the given streams and returns the exit code; stdin is the process's. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, System.out, out, err);
    }

    /**
     * Runs the CLI and returns the exit code. {@code in} is what {@code -} reads; {@code rawOut}
     * receives binary output and is the stream {@code out} writes to (or a separate one in tests).
     */
    public static int run(String[] args, java.io.InputStream in, java.io.OutputStream rawOut,
            PrintWriter out, PrintWriter err) {
        if (args.length == 5 && args[0].equals("libvirt-hook")) {
            // libvirt's four hook arguments are data, never options: a guest may be named "-h".
            args = new String[] {args[0], "--", args[1], args[2], args[3], args[4]};
        }
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cl = new CommandLine(new Ap4j(new Stdio(in, rawOut, out)));
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
