using SupplyGrid.Runtime;

namespace SupplyGrid.Bench.Storage;

public interface IDriverStateGrain : IGrainWithIntegerKey
{
    /// <summary>Applies a ping and writes the state.</summary>
    ValueTask Ping(int sequence);

    /// <summary>The last sequence written (read from storage on activation).</summary>
    ValueTask<int> LastSequence();
}

/// <summary>A driver-sized state (position, status, cell, earnings, performance; about 300 bytes of JSON) in the postgres store.</summary>
public sealed class DriverStateGrain([PersistentState("driver", StorageSuite.StorageName)] IPersistentState<DriverStateGrain.DriverState> state)
    : Grain, IDriverStateGrain
{
    public sealed class DriverState
    {
        public int Sequence { get; set; }
        public double Lat { get; set; }
        public double Lng { get; set; }
        public double SpeedKmh { get; set; }
        public double Heading { get; set; }
        public string Status { get; set; } = "available";
        public string Cell { get; set; } = "886520db33fffff";
        public string VehicleId { get; set; } = "";
        public DateTimeOffset LastPingAt { get; set; }
        public int TripsToday { get; set; }
        public decimal EarningsToday { get; set; }
        public double AcceptanceRate { get; set; } = 0.68;
        public double Rating { get; set; } = 4.8;
        public string? LiveOfferId { get; set; }
    }

    public ValueTask Ping(int sequence)
    {
        var s = state.State;
        s.Sequence = sequence;
        s.Lat = 1.29 + (sequence % 100) * 1e-4;
        s.Lng = 103.85 + (sequence % 100) * 1e-4;
        s.SpeedKmh = sequence % 60;
        s.Heading = sequence % 360;
        s.VehicleId = "SH-4821-K";
        s.LastPingAt = DateTimeOffset.UnixEpoch.AddSeconds(1_790_000_000 + sequence);
        s.TripsToday = sequence / 50;
        s.EarningsToday = sequence / 50 * 18.5m;
        return new ValueTask(state.WriteStateAsync());
    }

    public ValueTask<int> LastSequence() => ValueTask.FromResult(state.State.Sequence);
}
