import Mustache

/// A page model the templates read many times a page: it names its fields for them, so a
/// lookup is one dictionary hit. Mustache otherwise reflects the whole value (every field
/// boxed) for each name it looks up, which made a national report's pages take minutes.
protocol TemplateKeyed: MustacheParent {
    /// Each field the templates use, by the name they use.
    static var templateKeys: [String: PartialKeyPath<Self>] { get }
}

extension TemplateKeyed {
    func child(named name: String) -> Any? {
        Self.templateKeys[name].map { self[keyPath: $0] }
    }
}

extension HeatmapView: TemplateKeyed {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<HeatmapView>] = [
        "id": \.id, "description": \.description, "width": \.width, "height": \.height, "bands": \.bands,
        "columns": \.columns, "groups": \.groups, "rows": \.rows, "cells": \.cells,
    ]
}

extension HeatmapView.CellView: TemplateKeyed {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<HeatmapView.CellView>] = [
        "x": \.x, "y": \.y, "width": \.width, "height": \.height, "fill": \.fill, "ink": \.ink, "text": \.text,
        "textX": \.textX, "textY": \.textY, "tooltip": \.tooltip, "area": \.area, "column": \.column, "quintile": \.quintile,
        "missing": \.missing, "synthetic": \.synthetic, "inherited": \.inherited, "apportioned": \.apportioned,
        "approximate": \.approximate, "proxy": \.proxy, "county": \.county, "inheritedPoints": \.inheritedPoints,
        "dotX": \.dotX, "dotY": \.dotY, "approximatePoints": \.approximatePoints, "ringX": \.ringX, "ringY": \.ringY,
    ]
}

extension SpineView: TemplateKeyed {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<SpineView>] = [
        "description": \.description, "width": \.width, "height": \.height, "barX": \.barX, "barWidth": \.barWidth,
        "bandX": \.bandX, "bandWidth": \.bandWidth, "barY": \.barY, "barHeight": \.barHeight, "medianX": \.medianX,
        "medianTop": \.medianTop, "medianBottom": \.medianBottom, "hasCounty": \.hasCounty, "countyX": \.countyX,
        "countyPoints": \.countyPoints, "countyTop": \.countyTop, "countyBottom": \.countyBottom, "hasValue": \.hasValue,
        "marker": \.marker,
    ]
}

extension ComparisonMarker: TemplateKeyed {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<ComparisonMarker>] = [
        "circle": \.circle, "diamond": \.diamond, "square": \.square, "cx": \.cx, "cy": \.cy, "r": \.r, "points": \.points,
        "x": \.x, "y": \.y, "side": \.side, "fill": \.fill, "stroke": \.stroke, "strokeWidth": \.strokeWidth,
    ]
}

extension MarkerIcon: TemplateKeyed {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<MarkerIcon>] = ["marker": \.marker, "words": \.words]
}

extension AreaPage.SpineRow: TemplateKeyed {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<AreaPage.SpineRow>] = [
        "indicator": \.indicator, "vintage": \.vintage, "standIn": \.standIn, "isStandIn": \.isStandIn, "value": \.value,
        "flags": \.flags, "hasFlags": \.hasFlags, "badge": \.badge, "rank": \.rank, "county": \.county,
        "comparison": \.comparison, "worst": \.worst, "middle": \.middle, "median": \.median, "best": \.best,
        "hasChart": \.hasChart, "chart": \.chart, "isCountyFigure": \.isCountyFigure, "unavailable": \.unavailable,
        "reason": \.reason,
    ]
}

extension QuintileBadge: TemplateKeyed {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<QuintileBadge>] = [
        "hasQuintile": \.hasQuintile, "number": \.number, "fill": \.fill, "ink": \.ink, "label": \.label,
    ]
}

extension FigureTable.Cell: TemplateKeyed {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<FigureTable.Cell>] = [
        "value": \.value, "note": \.note, "fill": \.fill, "ink": \.ink, "missing": \.missing, "countyFigure": \.countyFigure,
    ]
}

extension OverviewPage.TableCell: TemplateKeyed {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<OverviewPage.TableCell>] = [
        "text": \.text, "note": \.note, "hasNote": \.hasNote, "fill": \.fill, "ink": \.ink, "unranked": \.unranked,
    ]
}

extension Link: TemplateKeyed {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<Link>] = ["href": \.href, "text": \.text]
}
