# Validates corpus/thesaurus.xml (docs/thesaurus.md):
#   1. against corpus/schema/thesaurus.rng with xmllint --relaxng;
#   2. with xmllint --xpath, what RELAX NG cannot say: every concept has exactly one prefLabel
#      in each of tg, ru and en; ids are unique; every <broader> names an existing concept and
#      not the concept itself; no label is used twice in one language; the ids the corpus
#      already uses exist;
#   3. the broader hierarchy has no cycle.
# Usage: cmake -DXMLLINT=/usr/bin/xmllint -DTHESAURUS=corpus/thesaurus.xml
#              -DSCHEMA=corpus/schema/thesaurus.rng -P tests/thesaurus_schema.cmake
cmake_minimum_required(VERSION 3.16)
if(NOT XMLLINT OR NOT THESAURUS OR NOT SCHEMA)
  message(FATAL_ERROR "usage: cmake -DXMLLINT=... -DTHESAURUS=... -DSCHEMA=... -P thesaurus_schema.cmake")
endif()

set(failed 0)
macro(fail msg)
  message("thesaurus: ${msg}")
  math(EXPR failed "${failed}+1")
endmacro()

# --- 1. RELAX NG -------------------------------------------------------------------------
execute_process(COMMAND ${XMLLINT} --noout --relaxng ${SCHEMA} ${THESAURUS}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message("${err}")
  message(FATAL_ERROR "thesaurus does not validate against ${SCHEMA}")
endif()

# --- 2. XPath checks ---------------------------------------------------------------------
# Evaluates an XPath 1.0 expression on the thesaurus; the result (a number or a string) in `var`.
function(xpath var expr)
  execute_process(COMMAND ${XMLLINT} --xpath "${expr}" ${THESAURUS}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(STRIP "${out}" out)
  # xmllint exits non-zero for an empty node-set or an empty string: both mean "nothing".
  if(NOT rc EQUAL 0)
    set(out "")
  endif()
  set(${var} "${out}" PARENT_SCOPE)
endfunction()

set(C "/*[local-name()='thesaurus']/*[local-name()='concept']")
set(PREF "*[local-name()='prefLabel']")
set(LABEL "*[local-name()='prefLabel' or local-name()='altLabel']")

xpath(n "count(${C})")
if(n LESS 1)
  fail("no concepts")
endif()

foreach(lang tg ru en)
  xpath(bad "count(${C}[count(${PREF}[@lang='${lang}']) != 1])")
  if(NOT bad EQUAL 0)
    xpath(which "string(${C}[count(${PREF}[@lang='${lang}']) != 1][1]/@id)")
    fail("${bad} concept(s) without exactly one prefLabel in '${lang}', first: ${which}")
  endif()
  xpath(bad "count(${C}/${PREF}[@lang='${lang}'][normalize-space(.)=''])")
  if(NOT bad EQUAL 0)
    fail("${bad} empty prefLabel(s) in '${lang}'")
  endif()
  # A label (pref or alt) may appear only once per language in the whole thesaurus,
  # else the indexer could not tell which concept a phrase belongs to.
  xpath(bad "count(//${LABEL}[@lang='${lang}'][. = following::*[(local-name()='prefLabel' or local-name()='altLabel') and @lang='${lang}']])")
  if(NOT bad EQUAL 0)
    xpath(which "string(//${LABEL}[@lang='${lang}'][. = following::*[(local-name()='prefLabel' or local-name()='altLabel') and @lang='${lang}']][1])")
    fail("${bad} label(s) used twice in '${lang}', first: '${which}'")
  endif()
endforeach()

xpath(bad "count(${C}[@id = preceding-sibling::*[local-name()='concept']/@id])")
if(NOT bad EQUAL 0)
  xpath(which "string(${C}[@id = preceding-sibling::*[local-name()='concept']/@id][1]/@id)")
  fail("${bad} duplicate concept id(s), first: ${which}")
endif()

xpath(bad "count(${C}/*[local-name()='broader'][not(. = ${C}/@id)])")
if(NOT bad EQUAL 0)
  xpath(which "string(${C}/*[local-name()='broader'][not(. = ${C}/@id)][1])")
  fail("${bad} broader reference(s) to unknown concepts, first: ${which}")
endif()

xpath(bad "count(${C}[*[local-name()='broader'] = @id])")
if(NOT bad EQUAL 0)
  fail("${bad} concept(s) broader than themselves")
endif()

# Concept ids the corpus already uses (topics, topics="..."): they must stay.
set(required
  domestic-violence physical-violence psychological-violence sexual-violence economic-violence
  stalking forced-marriage child-marriage family-definition protection-orders
  emergency-protection-orders temporary-protection-orders long-term-protection-orders
  breach-of-protection-order police-response police-warning case-registration risk-assessment
  criminal-liability administrative-liability marital-rape shelters crisis-centres hotlines
  legal-aid medical-aid psychological-aid referral-mechanisms multi-sectoral-coordination
  perpetrator-programmes professional-training data-collection prevention-awareness children
  womens-resource-centres victim-support gender-equality women-peace-security study-visits
  state-programmes definitions)
foreach(id ${required})
  xpath(k "count(${C}[@id='${id}'])")
  if(NOT k EQUAL 1)
    fail("required concept '${id}' is missing")
  endif()
endforeach()

# --- 3. No cycle in broader ----------------------------------------------------------------
# Kahn's algorithm on the concept -> broader edges: repeatedly remove concepts none of whose
# broader concepts remain; whatever cannot be removed lies on (or under) a cycle.
xpath(ids_str "${C}/@id")
string(REGEX MATCHALL "id=\"[^\"]+\"" id_attrs "${ids_str}")
set(remaining "")
foreach(a ${id_attrs})
  string(REGEX REPLACE "id=\"([^\"]+)\"" "\\1" id "${a}")
  list(APPEND remaining ${id})
  xpath(b "${C}[@id='${id}']/*[local-name()='broader']/text()")
  string(REGEX REPLACE "[ \t\r\n]+" ";" b "${b}")
  set(broader_${id} ${b})
endforeach()
set(progress TRUE)
while(progress)
  set(progress FALSE)
  set(next "")
  foreach(id ${remaining})
    set(blocked FALSE)
    foreach(b ${broader_${id}})
      if(b IN_LIST remaining)
        set(blocked TRUE)
        break()
      endif()
    endforeach()
    if(blocked)
      list(APPEND next ${id})
    else()
      set(progress TRUE)
    endif()
  endforeach()
  set(remaining ${next})
endwhile()
if(remaining)
  fail("cycle in the broader hierarchy among: ${remaining}")
endif()

if(failed GREATER 0)
  message(FATAL_ERROR "thesaurus check failed (${failed} problem(s))")
endif()
message("thesaurus: ${n} concepts, valid")
