// Each test already runs its arms side by side; on two cores, tests in parallel would only crowd one another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
