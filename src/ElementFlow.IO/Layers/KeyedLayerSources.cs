namespace ElementFlow.IO.Layers;

/// <summary>One option of a layer entry as plan.yaml writes it: a scalar, or a mapping of further options, with its line.</summary>
public sealed record LayerOption(string? Value, IReadOnlyDictionary<string, LayerOption>? Map, int Line);

/// <summary>
/// A source of layers outside the package, chosen by its own key in a plan.yaml layer entry
/// (<c>land_use: { postgis: public.ghydyh, filter: … }</c>). The entry's other keys (besides <c>layer</c>,
/// <c>fields</c>, <c>encoding</c>) reach the source as <see cref="LayerRequest.Options"/>, for it to judge.
/// </summary>
/// <remarks>A stop-gap until the layer-source seam of issue 14 lands: that seam's keyed sources replace this.</remarks>
public interface IKeyedLayerSource
{
    /// <summary>The entry key that selects this source, e.g. <c>postgis</c>.</summary>
    string EntryKey { get; }

    /// <param name="request">File is the key's value; EntryKey, Line and Options are set.</param>
    /// <param name="planYaml">plan.yaml as messages show it.</param>
    LayerReadResult Read(LayerRequest request, string planYaml);
}
