namespace Mcu.Srtp;

/// <summary>One direction's master key and master salt for a protection profile.</summary>
public sealed class SrtpMasterKey
{
    private readonly byte[] _key;
    private readonly byte[] _salt;

    /// <summary>Copies <paramref name="key"/> and <paramref name="salt"/>, checking their lengths against the profile.</summary>
    public SrtpMasterKey(SrtpProfile profile, ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt)
    {
        if (!profile.IsSupported())
        {
            ThrowHelper.ThrowUnsupportedProfile<int>(profile);
        }
        if (key.Length != profile.GetMasterKeyLength())
        {
            ThrowHelper.ThrowWrongLength("Master key", profile.GetMasterKeyLength(), key.Length, nameof(key));
        }
        if (salt.Length != profile.GetMasterSaltLength())
        {
            ThrowHelper.ThrowWrongLength("Master salt", profile.GetMasterSaltLength(), salt.Length, nameof(salt));
        }
        Profile = profile;
        _key = key.ToArray();
        _salt = salt.ToArray();
    }

    /// <summary>The protection profile these keys are for.</summary>
    public SrtpProfile Profile { get; }

    /// <summary>The master key.</summary>
    public ReadOnlySpan<byte> Key => _key;

    /// <summary>The master salt.</summary>
    public ReadOnlySpan<byte> Salt => _salt;
}
