// Each test already runs its arms side by side in processes of their own; on two cores, tests in parallel would
// only crowd one another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
