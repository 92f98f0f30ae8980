<?xml version="1.0" encoding="UTF-8"?>
<!--
  Runs the compiled CEN EN 16931 and Peppol BIS 3.0 schematrons over every *.xml file of one folder
  in a single Saxon run (each stylesheet is compiled once and reused through fn:transform), and
  writes one JSON array: per document and rule set, how many rules fired and every failed assert or
  successful report of the SVRL output. Used by test/support/peppol-official.ts.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
  exclude-result-prefixes="#all">
  <!-- file: URI of the folder holding the documents -->
  <xsl:param name="folder" as="xs:string" required="yes"/>
  <!-- file: URIs of the compiled schematrons -->
  <xsl:param name="cen" as="xs:string" required="yes"/>
  <xsl:param name="peppol" as="xs:string" required="yes"/>
  <xsl:output method="json" indent="no"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="rule-sets" as="map(xs:string, xs:string)" select="map { 'cen': $cen, 'peppol': $peppol }"/>
    <xsl:sequence select="array {
      for $uri in uri-collection($folder || '?select=*.xml'),
          $set in ('cen', 'peppol')
      return
        let $svrl := transform(map {
          'stylesheet-location': $rule-sets($set),
          'source-node': doc($uri),
          'cache': true()
        })?output
        return map {
          'file': tokenize(string($uri), '/')[last()],
          'ruleSet': $set,
          'firedRules': count($svrl//svrl:fired-rule),
          'findings': array {
            for $f in $svrl//(svrl:failed-assert | svrl:successful-report)
            return map {
              'id': string($f/@id),
              'flag': string($f/@flag),
              'location': string($f/@location),
              'text': normalize-space(string($f/svrl:text))
            }
          }
        }
    }"/>
  </xsl:template>
</xsl:stylesheet>
