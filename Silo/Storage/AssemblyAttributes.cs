using System.Runtime.CompilerServices;

// The silo tests check the storage wiring's parts (history rows, the history-first storage, the PostgreSQL history) directly.
[assembly: InternalsVisibleTo("SupplyGrid.Silo.Tests")]
