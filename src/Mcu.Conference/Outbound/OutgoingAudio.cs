using System.Collections.Concurrent;

namespace Mcu.Conference.Outbound;

/// <summary>
/// One audio tick's packets: the shared mix (for everyone who is not audible, and viewers) and
/// the own mix-minus of each audible speaker, as source RTP packets. Pooled and
/// reference-counted like <see cref="OutgoingVideoFrame"/>.
/// </summary>
internal sealed class OutgoingAudio
{
    private const int PacketCapacity = 1500;

    private readonly ConcurrentQueue<OutgoingAudio> _pool;
    private readonly byte[] _shared = new byte[PacketCapacity];
    private int[] _ownerIds = [];
    private byte[][] _own = [];
    private int[] _ownLengths = [];
    private int _sharedLength;
    private int _ownCount;
    private int _references;

    private OutgoingAudio(ConcurrentQueue<OutgoingAudio> pool) => _pool = pool;

    public static OutgoingAudio Rent(ConcurrentQueue<OutgoingAudio> pool)
    {
        if (!pool.TryDequeue(out var audio))
        {
            audio = new OutgoingAudio(pool);
        }
        audio._sharedLength = 0;
        audio._ownCount = 0;
        audio._references = 1;
        return audio;
    }

    public Span<byte> SharedBuffer => _shared;

    public void CommitShared(int length) => _sharedLength = length;

    /// <summary>A buffer for <paramref name="memberId"/>'s own mix-minus packet.</summary>
    public Span<byte> OwnBuffer(int memberId)
    {
        if (_ownCount == _own.Length)
        {
            var size = Math.Max(4, _ownCount * 2);
            Array.Resize(ref _ownerIds, size);
            Array.Resize(ref _own, size);
            Array.Resize(ref _ownLengths, size);
            for (var i = _ownCount; i < size; i++)
            {
                _own[i] = new byte[PacketCapacity];
            }
        }
        _ownerIds[_ownCount] = memberId;
        return _own[_ownCount];
    }

    public void CommitOwn(int length) => _ownLengths[_ownCount++] = length;

    /// <summary>What <paramref name="memberId"/> hears this tick.</summary>
    public ReadOnlySpan<byte> PacketFor(int memberId)
    {
        for (var i = 0; i < _ownCount; i++)
        {
            if (_ownerIds[i] == memberId)
            {
                return _own[i].AsSpan(0, _ownLengths[i]);
            }
        }
        return _shared.AsSpan(0, _sharedLength);
    }

    public void AddReferences(int count) => Interlocked.Add(ref _references, count);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _pool.Enqueue(this);
        }
    }
}
