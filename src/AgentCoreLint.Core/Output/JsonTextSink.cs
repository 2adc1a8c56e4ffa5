using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgentCoreLint.Core.Output;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> whose output goes to a <see cref="TextWriter"/> in chunks, so that a report with
/// tens of thousands of results is streamed rather than held twice in memory.
/// </summary>
internal sealed class JsonTextSink : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        // Fixed newline: the output must be byte-identical on every platform (golden files, baselines).
        NewLine = "\n",
        // The output is a file, never embedded in HTML; escaping '<', '&' or '\'' would only make the rule
        // docs unreadable. Control characters and invalid UTF-16 are still escaped or replaced.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(ChunkBytes * 2);
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly TextWriter _target;
    private char[] _chars = new char[ChunkBytes];

    public JsonTextSink(TextWriter target)
    {
        _target = target;
        Json = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>The JSON writer to write the document with.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Passes what has been written so far on to the text writer once enough has accumulated.</summary>
    public void FlushIfLarge()
    {
        if (Json.BytesPending + _buffer.WrittenCount >= ChunkBytes)
        {
            Drain();
        }
    }

    /// <summary>Writes everything that is left, then the final newline a text file ends with.</summary>
    public void Complete()
    {
        Drain();
        _target.Write('\n');
    }

    public void Dispose() => Json.Dispose();

    private void Drain()
    {
        Json.Flush();
        var bytes = _buffer.WrittenSpan;
        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (_chars.Length < needed)
        {
            _chars = new char[needed];
        }

        var count = _decoder.GetChars(bytes, _chars, flush: false);
        _target.Write(_chars, 0, count);
        _buffer.ResetWrittenCount();
    }
}
