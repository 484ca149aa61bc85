import { RETURNS_BEFORE_FLAG, type Request } from '../../../shared/model';
import { unitNews } from '../../../shared/queue/unit-news';
import { formatInstant } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { useUi } from '../store/ui-store';

/**
 * What came back from the unit, as the queue row shows it: the badge (单位已答复 / 单位进展 / 申请延期 /
 * 退单), the return reason (in the row; the detail pane has it whole), and the flag of a request units keep
 * returning. Unit text is rendered as text.
 */
export function UnitNewsBadge({ request, withReason = false }: { request: Request; withReason?: boolean }) {
  const t = useT();
  const news = unitNews(request);
  return (
    <>
      {news && (
        <span className={`tag news-${news}`} data-testid="unit-news" data-news={news}>
          {t(`news.${news}`)}
        </span>
      )}
      {request.rating && (
        <span
          className={`tag rating-${request.rating.score}`}
          data-testid="rating"
          data-score={request.rating.score}
          data-via={request.rating.via}
        >
          {t(`rating.via.${request.rating.via}`, { score: t(`rating.${request.rating.score}`) })}
        </span>
      )}
      {returnedTooOften(request) && (
        <span className="tag tag-warn" data-testid="return-flag">
          {t('news.flagged', { n: request.returnCount })}
        </span>
      )}
      {withReason && news === 'returned' && (
        <span className="queue-row-reason" data-testid="return-reason" title={request.lastReturnReason ?? undefined}>
          {request.lastReturnReason}
        </span>
      )}
    </>
  );
}

/** The unit's side in the detail pane: its answer and progress in full, the extension it asked for, why it returned the request. */
export function UnitNewsPanel({ request }: { request: Request }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const news = unitNews(request);
  const returned = request.returnCount > 0 && request.lastReturnReason !== null;
  const { rating } = request;
  if (
    !request.unitAnswer &&
    !request.unitProgress &&
    !request.extensionRequest &&
    !request.answerRejection &&
    !returned &&
    !rating
  )
    return null;
  return (
    <section className="unit-news" data-testid="unit-news-panel" data-news={news ?? undefined}>
      {rating && (
        <UnitText
          title={t(news === 'dissatisfied' ? 'detail.ratingReopened' : 'detail.ratingNote', {
            rating: t(`rating.via.${rating.via}`, { score: t(`rating.${rating.score}`) }),
            when: formatInstant(rating.at, locale),
          })}
          testId="detail-rating"
          text={rating.note ?? ''}
        />
      )}
      {request.answerRejection && (
        <UnitText
          title={t('detail.answerRejection', {
            n: request.answerRejectionCount,
            when: formatInstant(request.answerRejection.at, locale),
          })}
          testId="answer-rejection"
          text={request.answerRejection.text}
        />
      )}
      {request.unitAnswer !== null && (
        <UnitText title={t('detail.unitAnswer')} testId="unit-answer" text={request.unitAnswer} />
      )}
      {request.unitProgress && (
        <UnitText
          title={t('detail.unitProgress', { when: formatInstant(request.unitProgress.at, locale) })}
          testId="unit-progress"
          text={request.unitProgress.text}
        />
      )}
      {request.extensionRequest && (
        <UnitText
          title={t('detail.extensionRequest', {
            days: request.extensionRequest.workingDays,
            when: formatInstant(request.extensionRequest.at, locale),
          })}
          testId="extension-request"
          text={request.extensionRequest.reason}
        />
      )}
      {returned && (
        <UnitText
          title={t(returnedTooOften(request) ? 'detail.returnReasonFlagged' : 'detail.returnReason', {
            n: request.returnCount,
          })}
          testId="detail-return-reason"
          text={request.lastReturnReason ?? ''}
        />
      )}
    </section>
  );
}

/** Returned by units more than twice: the ping-pong flag (a 不满意 rating flags a request too, for another reason). */
function returnedTooOften(request: Request): boolean {
  return request.returnCount > RETURNS_BEFORE_FLAG;
}

function UnitText({ title, testId, text }: { title: string; testId: string; text: string }) {
  return (
    <div className="unit-text">
      <h3>{title}</h3>
      <p data-testid={testId}>{text}</p>
    </div>
  );
}
