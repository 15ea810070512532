/// A link with its text, for lists of pages.
struct Link {
    var href: String
    var text: String
}
