using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class RepositionPlannerPropertyTests
{
    private const ulong Target = 1000;

    private readonly RepositionPlanner _planner = new(
        new RepositionOptions(), new ImbalanceClassifier(new ImbalanceOptions()), new TravelTimeEstimator(new TravelTimeOptions()));

    [Fact]
    public void Random_scenarios_keep_every_rule()
    {
        var random = new Random(42);
        var nonEmptyPlans = 0;
        for (var scenario = 0; scenario < 300; scenario++)
        {
            var donors = Enumerable.Range(1, random.Next(1, 8))
                .Select(i => new DonorCell((ulong)i, random.Next(0, 15), Math.Round(random.NextDouble() * 12, 1)))
                .Append(new DonorCell(Target, 1, 9))
                .ToArray();
            var candidates = Enumerable.Range(0, random.Next(0, 60))
                .Select(i => new RepositionCandidate(
                    $"drv-{random.Next(0, 50):000}",
                    (ulong)random.Next(1, 10), // cells 8 and 9 are never donors
                    Math.Round(random.NextDouble() * 7, 2),
                    Math.Round(random.NextDouble(), 2),
                    Available: random.Next(0, 5) > 0,
                    HasLiveOffer: random.Next(0, 5) == 0))
                .ToArray();
            var request = new RepositionRequest(Target, random.Next(0, 20), random.Next(0, 5), Math.Round(random.NextDouble() * 2, 1));

            var plan = _planner.Plan(request, candidates, donors);
            if (plan.Offers.Count > 0)
            {
                nonEmptyPlans++;
            }

            // Never a driver who is busy, already holds an offer, is listed twice, or comes from beyond the radius.
            var offered = plan.Offers.Select(o => o.DriverId).ToList();
            Assert.Equal(offered.Count, offered.Distinct().Count());
            foreach (var offer in plan.Offers)
            {
                Assert.Contains(candidates, c => c.DriverId == offer.DriverId && c.SourceCell == offer.SourceCell
                                                 && c.Available && !c.HasLiveOffer && c.DistanceKm <= plan.SearchRadiusKm);
                Assert.NotEqual(Target, offer.SourceCell);
            }

            // No donor is drained below the undersupplied threshold (by hand: ratio >= 0.5, epsilon 0.1, or quiet).
            foreach (var donor in donors)
            {
                var taken = plan.Offers.Count(o => o.SourceCell == donor.Cell);
                var left = donor.Supply - taken;
                var quiet = donor.Demand < 0.1 && left < 0.1;
                Assert.True(taken == 0 || quiet || left / Math.Max(donor.Demand, 0.1) >= 0.5, $"scenario {scenario}: donor {donor.Cell} drained");
            }

            // Only as many offers as needed: without the last one, the target would not be reached.
            if (plan.Offers.Count > 0)
            {
                var withoutLast = plan.Offers.Take(plan.Offers.Count - 1).Sum(o => o.AcceptanceProbability);
                Assert.True(withoutLast < plan.TargetArrivals - 1e-9, $"scenario {scenario}: one offer too many");
                Assert.True(plan.Offers.Count <= 20);
            }

            // Deterministic: the same candidates in another order give the same plan.
            var shuffled = candidates.OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(plan.Offers, _planner.Plan(request, shuffled, donors.Reverse().ToArray()).Offers);
        }

        Assert.True(nonEmptyPlans > 50, $"only {nonEmptyPlans} plans sent offers: the scenarios did not exercise the planner");
    }
}
