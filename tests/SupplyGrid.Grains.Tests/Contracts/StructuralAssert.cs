using System.Collections;
using System.Reflection;

namespace SupplyGrid.Grains.Tests.Contracts;

/// <summary>
/// Compares two object graphs member by member (records compare their lists by reference, which says nothing about a
/// copy); fails naming the path of the first difference.
/// </summary>
internal static class StructuralAssert
{
    public static void Equal(object? expected, object? actual, string path = "value")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        var type = expected.GetType();
        if (type.IsPrimitive || type.IsEnum || expected is string or decimal or DateTime or DateOnly or TimeOnly or TimeSpan or Guid)
        {
            Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
            return;
        }

        if (expected is DateTimeOffset when)
        {
            Assert.True(actual is DateTimeOffset other && when == other && when.Offset == other.Offset, $"{path}: expected {when:O}, got {actual}");
            return;
        }

        if (expected is IDictionary dictionary)
        {
            var actualDictionary = Assert.IsAssignableFrom<IDictionary>(actual);
            Assert.True(dictionary.Count == actualDictionary.Count, $"{path}: expected {dictionary.Count} entries, got {actualDictionary.Count}");
            foreach (DictionaryEntry entry in dictionary)
            {
                Assert.True(actualDictionary.Contains(entry.Key), $"{path}: key {entry.Key} missing");
                Equal(entry.Value, actualDictionary[entry.Key], $"{path}[{entry.Key}]");
            }

            return;
        }

        if (expected is IEnumerable sequence)
        {
            var expectedItems = sequence.Cast<object?>().ToArray();
            var actualItems = Assert.IsAssignableFrom<IEnumerable>(actual).Cast<object?>().ToArray();
            Assert.True(expectedItems.Length == actualItems.Length, $"{path}: expected {expectedItems.Length} items, got {actualItems.Length}");
            for (var i = 0; i < expectedItems.Length; i++)
                Equal(expectedItems[i], actualItems[i], $"{path}[{i}]");
            return;
        }

        Assert.True(type == actual.GetType(), $"{path}: expected a {type.Name}, got a {actual.GetType().Name}");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            Equal(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            Equal(field.GetValue(expected), field.GetValue(actual), $"{path}.{field.Name}");
    }
}
