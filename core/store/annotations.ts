/** The annotations' part of the store: comment threads, replies, their anchors and labels. */
import type { Db } from '../../db/connection';
import * as annq from '../../db/queries/annotations';
import * as labq from '../../db/queries/labels';
import { on } from './bind';

export function annotationStore(db: Db) {
  return {
    segmentAnnotations: on(db, annq.listAnnotationsOfSegment),
    setAnnotationAnchor: on(db, annq.updateAnnotationAnchor),
    /** Move an annotation to another segment (split/merge carry it). */
    moveAnnotation: on(db, annq.moveAnnotation),
    /** Where a segment's findings sit (start, end), for re-anchoring after an edit. */
    findingRangesOfSegment: on(db, annq.findingsOfSegment),
    setFindingRange: on(db, annq.moveFinding),
    annotationThreads: on(db, annq.listAnnotationThreads),
    annotationThread: on(db, annq.getAnnotationThread),
    addAnnotationThread: on(db, annq.insertAnnotationThread),
    changeAnnotation: on(db, annq.updateAnnotationContent),
    setAnnotationResolved: on(db, annq.setAnnotationResolved),
    setAnnotationDeleted: on(db, annq.setAnnotationDeleted),
    addAnnotationReply: on(db, annq.insertAnnotationReply),
    // labels
    labels: on(db, labq.listLabels),
    label: on(db, labq.getLabel),
    labelNamed: on(db, labq.findLabelByName),
    labelWithShortcut: on(db, labq.findLabelByShortcut),
    addLabel: on(db, labq.insertLabel),
    changeLabel: on(db, labq.updateLabel),
    /** How many annotations (deleted ones included) carry the label. */
    labelUses: on(db, labq.labelUsesIncludingDeleted),
    deleteLabel: on(db, labq.deleteLabel),
  };
}
