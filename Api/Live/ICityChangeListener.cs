using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.Live;

/// <summary>Told of every city change the grid publishes. Called inside the city grain's turn: must not block.</summary>
internal interface ICityChangeListener
{
    void OnCityChange(CityChange change);
}
