using System.Runtime.CompilerServices;

// The dashboard tests check the sampler's arithmetic directly, not only through the page.
[assembly: InternalsVisibleTo("SupplyGrid.Dashboard.Tests")]
