namespace Reports.Tests.Support;

/// <summary>
/// An output file that stops after its first write (flushed, so a part of it is on disk) until <paramref name="pause"/>
/// ends or <paramref name="wake"/> is cancelled, then throws the cancellation or goes on: a write caught midway.
/// </summary>
public sealed class PausingStream(Stream inner, TimeSpan pause, CancellationToken wake = default) : Stream
{
    private bool _paused;

    public override bool CanRead => false;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => true;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        inner.Write(buffer, offset, count);
        if (!_paused)
        {
            _paused = true;
            inner.Flush();
            wake.WaitHandle.WaitOne(pause);
            wake.ThrowIfCancellationRequested();
        }
    }

    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => inner.SetLength(value);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
