using SupplyGrid.Geo;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Diagnostics;
using SupplyGrid.Grains.Events;
using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Streams;

namespace SupplyGrid.Grains.Bookings;

/// <summary>
/// The entry point of booking_created (records are keyed by booking id, so the runtime delivers each to the grain of
/// that key). It tells the pickup cell one-way and deactivates at once: it keeps nothing, because the cell counts a
/// booking once per id within its demand window and a replay after the window is too old to count anyway. Storing a
/// "seen" flag per booking would cost a write per booking for no gain in exactness.
/// </summary>
[ImplicitStreamSubscription(Topics.BookingCreated)]
public sealed class BookingGrain(CityDirectory cities, DomainMetrics metrics) : Grain, IAsyncObserver<BookingCreated>
{
    public Task OnNextAsync(BookingCreated booking, StreamSequenceToken? token = null)
    {
        DeactivateOnIdle();
        var city = cities.Find(booking.PickupLat, booking.PickupLng);
        if (city is null)
        {
            metrics.Ignored("booking_outside_cities");
            return Task.CompletedTask;
        }

        var cell = H3.LatLngToCell(booking.PickupLat, booking.PickupLng, city.Resolution);
        return GrainFactory.GetGrain<ICellGrain>(cell.ToString()).BookingCreated(new CellBooking(booking.BookingId, booking.Ts));
    }
}
