import Mustache

/// A page model the templates read many times a page: it names its fields for them, so a
/// lookup is one dictionary hit. Mustache otherwise reflects the whole value (every field
/// boxed) for each name it looks up, which made a national report's pages take minutes.
protocol TemplateKeyed: MustacheParent {
    /// Each field the templates use, by the name they use.
    static var templateKeys: [String: PartialKeyPath<Self> & Sendable] { get }
}

extension TemplateKeyed {
    func child(named name: String) -> Any? {
        if let key = Self.templateKeys[name] { return self[keyPath: key] }
        #if DEBUG
        // A field left out of the table above would render as nothing, silently: debug
        // builds (the tests) stop on it. Names of enclosing contexts are not fields here.
        if Mirror(reflecting: self).children.contains(where: { $0.label == name }) {
            assertionFailure("\(Self.self).templateKeys lacks \"\(name)\", which a template reads")
        }
        #endif
        return nil
    }
}

extension HeatmapView: TemplateKeyed {
    static let templateKeys: [String: PartialKeyPath<HeatmapView> & Sendable] = [
        "id": \.id, "description": \.description, "width": \.width, "height": \.height, "bands": \.bands,
        "columns": \.columns, "groups": \.groups, "rows": \.rows, "cells": \.cells,
    ]
}

extension HeatmapView.CellView: TemplateKeyed {
    static let templateKeys: [String: PartialKeyPath<HeatmapView.CellView> & Sendable] = [
        "x": \.x, "y": \.y, "width": \.width, "height": \.height, "fill": \.fill, "ink": \.ink, "text": \.text,
        "textX": \.textX, "textY": \.textY, "tooltip": \.tooltip, "area": \.area, "column": \.column, "quintile": \.quintile,
        "missing": \.missing, "synthetic": \.synthetic, "inherited": \.inherited, "apportioned": \.apportioned,
        "approximate": \.approximate, "proxy": \.proxy, "county": \.county, "inheritedPoints": \.inheritedPoints,
        "dotX": \.dotX, "dotY": \.dotY, "approximatePoints": \.approximatePoints, "ringX": \.ringX, "ringY": \.ringY,
    ]
}

extension SpineView: TemplateKeyed {
    static let templateKeys: [String: PartialKeyPath<SpineView> & Sendable] = [
        "description": \.description, "width": \.width, "height": \.height, "barX": \.barX, "barWidth": \.barWidth,
        "bandX": \.bandX, "bandWidth": \.bandWidth, "barY": \.barY, "barHeight": \.barHeight, "medianX": \.medianX,
        "medianTop": \.medianTop, "medianBottom": \.medianBottom, "hasCounty": \.hasCounty, "countyX": \.countyX,
        "countyPoints": \.countyPoints, "countyTop": \.countyTop, "countyBottom": \.countyBottom, "hasValue": \.hasValue,
        "hasInterval": \.hasInterval, "intervalStart": \.intervalStart, "intervalEnd": \.intervalEnd,
        "intervalY": \.intervalY, "capTop": \.capTop, "capBottom": \.capBottom, "marker": \.marker,
    ]
}

extension ComparisonMarker: TemplateKeyed {
    static let templateKeys: [String: PartialKeyPath<ComparisonMarker> & Sendable] = [
        "circle": \.circle, "diamond": \.diamond, "square": \.square, "cx": \.cx, "cy": \.cy, "r": \.r, "points": \.points,
        "x": \.x, "y": \.y, "side": \.side, "fill": \.fill, "stroke": \.stroke, "strokeWidth": \.strokeWidth,
    ]
}

extension MarkerIcon: TemplateKeyed {
    static let templateKeys: [String: PartialKeyPath<MarkerIcon> & Sendable] = ["marker": \.marker, "words": \.words]
}

extension AreaPage.SpineRow: TemplateKeyed {
    static let templateKeys: [String: PartialKeyPath<AreaPage.SpineRow> & Sendable] = [
        "indicator": \.indicator, "vintage": \.vintage, "standIn": \.standIn, "isStandIn": \.isStandIn, "value": \.value,
        "interval": \.interval, "hasInterval": \.hasInterval, "missingReason": \.missingReason,
        "hasMissingReason": \.hasMissingReason, "flags": \.flags, "hasFlags": \.hasFlags, "badge": \.badge, "rank": \.rank, "county": \.county,
        "comparison": \.comparison, "worst": \.worst, "middle": \.middle, "median": \.median, "best": \.best,
        "hasChart": \.hasChart, "chart": \.chart, "isCountyFigure": \.isCountyFigure, "unavailable": \.unavailable,
        "reason": \.reason,
    ]
}

extension QuintileBadge: TemplateKeyed {
    static let templateKeys: [String: PartialKeyPath<QuintileBadge> & Sendable] = [
        "hasQuintile": \.hasQuintile, "number": \.number, "fill": \.fill, "ink": \.ink, "label": \.label,
    ]
}

extension FigureTable.Cell: TemplateKeyed {
    static let templateKeys: [String: PartialKeyPath<FigureTable.Cell> & Sendable] = [
        "value": \.value, "note": \.note, "fill": \.fill, "ink": \.ink, "missing": \.missing, "countyFigure": \.countyFigure,
    ]
}

extension OverviewPage.TableCell: TemplateKeyed {
    static let templateKeys: [String: PartialKeyPath<OverviewPage.TableCell> & Sendable] = [
        "text": \.text, "note": \.note, "hasNote": \.hasNote, "fill": \.fill, "ink": \.ink, "unranked": \.unranked,
    ]
}

extension Link: TemplateKeyed {
    static let templateKeys: [String: PartialKeyPath<Link> & Sendable] = ["href": \.href, "text": \.text]
}
