import { useTranslate } from '@refinedev/core';
import { Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Question } from './queries';

const FACES = ['😠', '🙁', '😐', '🙂', '😄'];
const COLOURS = ['#cf1322', '#fa541c', '#faad14', '#73d13d', '#389e0d'];

/** The satisfaction questions with five large buttons each (tablet-friendly), a comment and a send button. */
export function RatingForm({ questions, onSend, sending }: { questions: Question[]; onSend: (answers: Array<{ code: string; level: number }>, comment: string) => void; sending: boolean }) {
  const t = useTranslate();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const complete = questions.every((q) => answers[q.code]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {questions.map((question) => (
        <div key={question.code} data-testid={`question-${question.code}`}>
          <Typography.Title level={3}>{question.text}</Typography.Title>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 12 }}>
            {question.levels.map((level, i) => (
              <Button key={level} aria-pressed={answers[question.code] === i + 1} onClick={() => setAnswers({ ...answers, [question.code]: i + 1 })}
                style={{ height: 120, whiteSpace: 'normal', fontSize: 18, borderWidth: 3, borderColor: answers[question.code] === i + 1 ? COLOURS[i] : undefined,
                  background: answers[question.code] === i + 1 ? `${COLOURS[i]}22` : undefined }}>
                <div style={{ fontSize: 40 }}>{FACES[i]}</div>{level}
              </Button>
            ))}
          </div>
        </div>
      ))}
      <Input.TextArea rows={3} placeholder={t('rating.comment')} value={comment} onChange={(e) => setComment(e.target.value)} style={{ fontSize: 18 }} />
      <Button type="primary" size="large" block disabled={!complete} loading={sending} style={{ height: 72, fontSize: 24 }}
        onClick={() => onSend(questions.map((q) => ({ code: q.code, level: answers[q.code] })), comment)}>
        {t('rating.send')}
      </Button>
    </Space>
  );
}
