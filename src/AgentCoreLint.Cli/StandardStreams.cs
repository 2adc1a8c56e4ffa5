using System.Text;
using Microsoft.Win32.SafeHandles;

namespace AgentCoreLint.Cli;

/// <summary>
/// The process's standard streams, opened so that nothing but the report reaches a terminal.
/// </summary>
/// <remarks>
/// On Unix, System.Console's own streams initialise the terminal on first use when it is one: .NET writes the
/// terminfo <c>keypad_xmit</c> string (<c>ESC[?1h ESC=</c> on xterm) so that it can read keys later, and a linter never
/// reads keys (dotnet/runtime's Console; e.g. corefx issue 32805). Writing to a terminal's file descriptor directly
/// skips that initialisation. A redirected stream gets the Console's own stream, which initialises nothing when it is
/// not a terminal: a FileStream over a descriptor that is a regular file would write at its own position, not at the
/// end, and overwrite what other processes wrote to the same file (a CI log). Windows consoles emit nothing of the
/// kind, so there the Console streams are used.
/// </remarks>
internal static class StandardStreams
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Standard output, buffered; the caller flushes it.</summary>
    public static TextWriter Output() =>
        OperatingSystem.IsWindows() ? Console.Out
        : Console.IsOutputRedirected ? Writer(Console.OpenStandardOutput(), autoFlush: false)
        : Writer(Terminal(1), autoFlush: false);

    /// <summary>Standard error, flushed on every write (messages must not wait for the report).</summary>
    public static TextWriter Error() =>
        OperatingSystem.IsWindows() ? Console.Error
        : Console.IsErrorRedirected ? Writer(Console.OpenStandardError(), autoFlush: true)
        : Writer(Terminal(2), autoFlush: true);

    /// <summary>Opens standard input as bytes, for <c>lint -</c>.</summary>
    public static Stream OpenInput() =>
        OperatingSystem.IsWindows() || Console.IsInputRedirected ? Console.OpenStandardInput() : new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 0);

    /// <summary>True when standard output is a terminal and colour is not switched off (<c>NO_COLOR</c>,
    /// <c>TERM=dumb</c>). Console.IsOutputRedirected only asks the system (isatty); it does not initialise the terminal.</summary>
    public static bool UseColor() =>
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && Environment.GetEnvironmentVariable("TERM") != "dumb";

    // A terminal is a character device, so the FileStream writes with write(2), in order, as a terminal needs.
    private static FileStream Terminal(int descriptor) => new(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);

    private static StreamWriter Writer(Stream stream, bool autoFlush) =>
        new(stream, Utf8, bufferSize: 16384)
        {
            AutoFlush = autoFlush,
            NewLine = "\n",
        };
}
