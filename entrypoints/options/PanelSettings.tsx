// How the chapter panel looks and behaves: position, collapsed, click behaviour, theme.
import { OVERLAY_POSITIONS, THEMES, type OverlayPosition, type Settings, type Theme } from '@/utils/settings';
import { t, type MessageKey } from '@/utils/i18n';

interface Props {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
}

const POSITION_LABELS: Record<OverlayPosition, MessageKey> = {
  'inline-after': 'optionsPositionInlineAfter',
  'inline-before': 'optionsPositionInlineBefore',
  'floating-right': 'optionsPositionFloatingRight',
};

const THEME_LABELS: Record<Theme, MessageKey> = {
  system: 'optionsThemeSystem',
  light: 'optionsThemeLight',
  dark: 'optionsThemeDark',
};

function RadioGroup<T extends string>(props: {
  name: string;
  legend: string;
  options: readonly T[];
  labels: Record<T, MessageKey>;
  value: T;
  onSelect(value: T): void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name={props.name}
            value={option}
            checked={props.value === option}
            onChange={() => props.onSelect(option)}
          />
          {t(props.labels[option])}
        </label>
      ))}
    </fieldset>
  );
}

export function PanelSettings({ settings, onChange }: Props) {
  return (
    <section aria-labelledby="panel-heading">
      <h2 id="panel-heading">{t('optionsOverlayHeading')}</h2>
      <RadioGroup
        name="overlayPosition"
        legend={t('optionsPositionLegend')}
        options={OVERLAY_POSITIONS}
        labels={POSITION_LABELS}
        value={settings.overlayPosition}
        onSelect={(overlayPosition) => onChange({ overlayPosition })}
      />
      <label class="single">
        <input
          type="checkbox"
          name="collapsedByDefault"
          checked={settings.collapsedByDefault}
          onChange={(event) => onChange({ collapsedByDefault: event.currentTarget.checked })}
        />
        {t('optionsCollapsedByDefault')}
      </label>
      <RadioGroup
        name="playOnClick"
        legend={t('optionsClickLegend')}
        options={['play', 'seek'] as const}
        labels={{ play: 'optionsClickPlay', seek: 'optionsClickSeekOnly' }}
        value={settings.playOnClick ? 'play' : 'seek'}
        onSelect={(choice) => onChange({ playOnClick: choice === 'play' })}
      />
      <RadioGroup
        name="theme"
        legend={t('optionsThemeLegend')}
        options={THEMES}
        labels={THEME_LABELS}
        value={settings.theme}
        onSelect={(theme) => onChange({ theme })}
      />
    </section>
  );
}
