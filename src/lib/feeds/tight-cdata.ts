// feedsmith pretty-prints its XML, which puts line breaks and indentation around CDATA
// sections, and those become part of the element's text ("\n  Floods & fire\n") for
// parsers that do not trim. This removes exactly that whitespace.

/** Removes whitespace between a start tag and a CDATA section, and between a CDATA section and an end tag. */
export function tightCdata(xml: string): string {
  return xml.replace(/(<[A-Za-z][^<>]*>)\s+<!\[CDATA\[/g, '$1<![CDATA[').replace(/\]\]>\s+(<\/[A-Za-z])/g, ']]>$1');
}
