// The room tests run real rooms, bots and ffmpeg on a two-core machine; one at a time keeps their clocks on time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
