namespace Mcu.Compositor.Layouts;

/// <summary>
/// The layouts of one directory (its *.json files), reloaded while running: a file added,
/// changed or deleted takes effect within about a second, and a broken file is reported while
/// its previous version stays in effect (rules in <see cref="LayoutFileSet"/>).
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="Current"/> is an immutable snapshot swapped atomically, so readers on
/// any thread never lock. Rescans run on a timer thread (every <see cref="LayoutCatalogOptions.RescanInterval"/>,
/// and shortly after file-system watcher events); <see cref="Changed"/> is raised there, one
/// call at a time, and its handlers must not throw. A rescan that cannot read the directory or
/// a file (e.g. while an editor replaces it) changes nothing and is retried on the next one.
/// </remarks>
public sealed class LayoutCatalog : IDisposable
{
    private readonly Dictionary<string, (long Length, DateTime Modified)> _stamps = new(StringComparer.Ordinal);
    private readonly LayoutFileSet _files = new();
    private readonly LayoutCatalogOptions _options;
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private readonly FileSystemWatcher? _watcher;
    private LayoutSnapshot _current = LayoutSnapshot.Empty;
    private bool _disposed;

    /// <summary>Loads <paramref name="directory"/> now and starts watching it.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public LayoutCatalog(string directory, LayoutCatalogOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The layout directory \"{directory}\" does not exist.");
        }

        Directory = Path.GetFullPath(directory);
        _options = options ?? new LayoutCatalogOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.RescanInterval, TimeSpan.Zero, nameof(options));
        Rescan();
        _timer = new Timer(_ => Rescan(), null, _options.RescanInterval, _options.RescanInterval);
        if (_options.WatchFileSystem)
        {
            _watcher = new FileSystemWatcher(Directory, "*.json")
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            _watcher.Changed += OnFileEvent;
            _watcher.Created += OnFileEvent;
            _watcher.Deleted += OnFileEvent;
            _watcher.Renamed += OnFileEvent;
            _watcher.Error += OnWatcherError;
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>Raised on a background thread after a rescan put a different snapshot in effect.</summary>
    public event EventHandler<LayoutCatalogChangedEventArgs>? Changed;

    /// <summary>The absolute path of the directory.</summary>
    public string Directory { get; }

    /// <summary>What is in effect now: layouts, groups and the errors of rejected files.</summary>
    public LayoutSnapshot Current => Volatile.Read(ref _current);

    /// <summary>The files whose current content is not in effect, with the reason (<see cref="LayoutSnapshot.Errors"/> of <see cref="Current"/>).</summary>
    public System.Collections.Immutable.ImmutableArray<LayoutError> Errors => Current.Errors;

    /// <summary>The concrete layout for a room of <paramref name="participantCount"/> asking for <paramref name="name"/>; null when unknown.</summary>
    public LayoutDefinition? Resolve(string name, int participantCount) => Current.Resolve(name, participantCount);

    /// <summary>Reads the directory now; true when the snapshot changed. Also called by the timer.</summary>
    public bool Rescan()
    {
        LayoutSnapshot snapshot;
        lock (_lock)
        {
            if (_disposed || !StampsChanged())
            {
                return false;
            }

            if (!TryReadFiles(out List<LayoutSourceFile>? files))
            {
                _stamps.Clear(); // read again next time
                return false;
            }

            if (!_files.Update(files))
            {
                return false;
            }

            snapshot = _files.Current;
            Volatile.Write(ref _current, snapshot);
            Changed?.Invoke(this, new LayoutCatalogChangedEventArgs(snapshot));
        }

        return true;
    }

    /// <summary>Stops watching; <see cref="Current"/> stays readable.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _watcher?.Dispose();
        _timer.Dispose();
    }

    // The periodic rescan (a safety net for lost watcher events) first compares each file's size
    // and modification time with the last read, so an unchanged folder costs no reads and makes
    // almost no garbage. A failed listing counts as a change: the read then reports it.
    private bool StampsChanged()
    {
        try
        {
            var count = 0;
            var changed = false;
            foreach (FileInfo file in new DirectoryInfo(Directory).EnumerateFiles("*.json", SearchOption.TopDirectoryOnly))
            {
                count++;
                var stamp = (file.Length, file.LastWriteTimeUtc);
                if (!_stamps.TryGetValue(file.Name, out var known) || known != stamp)
                {
                    _stamps[file.Name] = stamp;
                    changed = true;
                }
            }
            if (count != _stamps.Count)
            {
                // A file went away: forget every stamp, and they are rebuilt from the folder.
                _stamps.Clear();
                foreach (FileInfo file in new DirectoryInfo(Directory).EnumerateFiles("*.json", SearchOption.TopDirectoryOnly))
                {
                    _stamps[file.Name] = (file.Length, file.LastWriteTimeUtc);
                }
                changed = true;
            }
            return changed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _stamps.Clear();
            return true;
        }
    }

    private bool TryReadFiles([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out List<LayoutSourceFile>? files)
    {
        files = [];
        try
        {
            foreach (string path in System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.TopDirectoryOnly))
            {
                byte[] content;
                try
                {
                    content = File.ReadAllBytes(path);
                }
                catch (FileNotFoundException)
                {
                    continue; // deleted since it was listed
                }

                files.Add(new LayoutSourceFile(Path.GetFileName(path), content));
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            files = null;
            return false;
        }
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e) => ScheduleSoon();

    private void OnWatcherError(object sender, ErrorEventArgs e) => ScheduleSoon();

    private void ScheduleSoon()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _timer.Change(_options.SettleDelay, _options.RescanInterval);
            }
        }
    }
}
