package io.github.ap4j.cli;

import io.github.ap4j.Ap4jException;
import io.github.ap4j.BadInputException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.natives.NativeCallException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
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

    /**
     * The subcommands, in the order {@code --help} lists them. They are added by
     * {@link #commandLine}, not through {@code @Command(subcommands = ...)}: picocli builds the
     * model of every subcommand it is given from its annotations, by reflection, which is most
     * of what a short run such as {@code ap4j --version} or {@code ap4j decode} costs.
     */
    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("decode", DecodeCommand::new),
            new Subcommand("show", ShowCommand::new),
            new Subcommand("capture", CaptureCommand::new),
            new Subcommand("native", NativeCommand::new),
            new Subcommand("check", CheckCommand::new),
            new Subcommand("plan", PlanCommand::new),
            new Subcommand("explain", ExplainCommand::new));

    /** A subcommand's name (its {@code @Command(name)}) and how to make one. */
    record Subcommand(String name, Supplier<Object> create) {
    }

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
        CommandLine cl = commandLine(args);
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

    /**
     * The command line for {@code args}: when the first argument that is not an option names a
     * subcommand, only that one is added (the others would never be looked at); for
     * {@code --help} and a misspelt command all of them, so that help lists them and picocli
     * can suggest the nearest; for the rest ({@code --version}, no command) none. The
     * top-level options take no value, so that argument is the subcommand picocli would pick.
     */
    static CommandLine commandLine(String[] args) {
        String first = null;
        boolean help = false;
        for (String a : args) {
            if (!a.startsWith("-")) {
                first = a;
                break;
            }
            help |= a.equals("-h") || a.equals("--help");
        }
        CommandLine cl = new CommandLine(new Ap4j());
        if (first == null && !help) {
            return cl;
        }
        boolean known = false;
        for (Subcommand c : SUBCOMMANDS) {
            known |= c.name().equals(first);
        }
        for (Subcommand c : SUBCOMMANDS) {
            if (!known || c.name().equals(first)) {
                cl.addSubcommand(c.name(), c.create().get());
            }
        }
        return cl;
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
