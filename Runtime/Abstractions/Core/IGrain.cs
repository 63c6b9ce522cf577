namespace SupplyGrid.Runtime;

/// <summary>Marker for anything that has a grain identity (grains and grain references).</summary>
public interface IAddressable;

/// <summary>Marker for grain interfaces. Derive from one of the keyed variants.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain interface whose grains are identified by a string key.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain interface whose grains are identified by a <see cref="Guid"/> key.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain interface whose grains are identified by a 64-bit integer key.</summary>
public interface IGrainWithIntegerKey : IGrain;
