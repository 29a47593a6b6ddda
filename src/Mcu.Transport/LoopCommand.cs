namespace Mcu.Transport;

/// <summary>
/// Work posted to a <see cref="NetworkLoop"/> from another thread. Media paths post pooled
/// subclasses (no allocation per frame); the control plane may post delegates.
/// </summary>
public abstract class LoopCommand
{
    /// <summary>Runs on the loop thread.</summary>
    public abstract void Execute(NetworkLoop loop, TimeSpan now);
}
